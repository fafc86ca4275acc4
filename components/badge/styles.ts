/**
 * The badge's own styles, inside its shadow root: page styles can't reach it and it can't reach
 * the page. Colour follows the state, and every state also has its own icon and words.
 *
 * The host is a box of fixed size laid out on its own (size and layout containment; its width is
 * set by badge.ts and only grows): redrawing a badge never re-lays out the merchant's list, which
 * for a 1,000-row table is a half-second frame. Nothing moves while waiting, for the same reason;
 * waiting shows its own words in place of the last ones, which stay written for when it ends.
 * Layout containment makes the host the popover's containing block: it is placed from the host.
 */
/** The narrowest badge: wide enough for a usual countdown (`‼ 发货 剩 23小时59分`), so most never widen. */
export const MIN_WIDTH_EM = 12;

export const BADGE_CSS = `
:host{all:initial;display:inline-block;position:relative;vertical-align:middle;margin:0 6px;width:${MIN_WIDTH_EM}em;height:20px;
  contain:size layout style;
  font:12px/18px "PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei","Noto Sans CJK SC",system-ui,sans-serif}
button{all:unset;box-sizing:border-box;display:inline-flex;align-items:center;gap:4px;height:20px;padding:0 7px;max-width:100%;
  border-radius:10px;border:1px solid transparent;cursor:default;white-space:nowrap;font:inherit;font-weight:600;
  font-variant-numeric:tabular-nums}
.text{overflow:hidden;text-overflow:ellipsis}
button:focus-visible{outline:2px solid #1a56db;outline-offset:2px}
.icon{font-size:11px;line-height:1}
.s-breached{background:#b42318;color:#fff}
.s-critical{background:#fee4e2;color:#b42318;border-color:#f04438}
.s-due-soon{background:#fef0c7;color:#93370d;border-color:#f79009}
.s-running{background:#e6f4ea;color:#1e6b34;border-color:#9fd4ae}
.s-met,.s-met-late,.s-done-untimed,.s-not-applicable{background:#f2f4f7;color:#475467;border-color:#d0d5dd;font-weight:400}
.s-exempt{background:#e0eaff;color:#2d3a8c;border-color:#a4bcfd}
.s-unknown,.s-unreadable{background:#f2f4f7;color:#475467;border:1px dashed #98a2b3;font-weight:400}
.s-waiting{background:#f9fafb;color:#667085;border-color:#eaecf0;font-weight:400}
.wait,.s-waiting>.icon,.s-waiting>.text{display:none}
.s-waiting>.wait{display:inline;overflow:hidden;text-overflow:ellipsis}
.pop{display:none;position:absolute;z-index:2147483647;min-width:260px;max-width:380px;padding:10px 12px;
  background:#fff;color:#1d2939;border:1px solid #d0d5dd;border-radius:8px;box-shadow:0 8px 24px rgba(16,24,40,.18);
  white-space:normal;font-weight:400}
.pop.open{display:block}
.title{font-weight:600;margin-bottom:6px}
ul{list-style:none;margin:0;padding:0}
li{padding:6px 0;border-top:1px solid #eaecf0}
li:first-child{border-top:0}
.rule{font-weight:600;display:flex;gap:6px;align-items:center}
.tag{font-size:11px;padding:0 5px;border-radius:8px}
.line{color:#475467}
.hint{color:#667085;margin-top:4px}
`;
