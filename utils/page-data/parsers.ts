import type { EndpointId } from './endpoints';
import { douyinParsers } from './douyin';
import { kuaishouParsers } from './kuaishou';
import { pinduoduoParsers } from './pinduoduo';
import type { ListParser } from './result';
import { tmallParsers } from './tmall';
import { xiaohongshuParsers } from './xiaohongshu';

/** Every endpoint's parser (tests; each content script carries its own platform's only). */
export const PARSERS = {
  ...douyinParsers,
  ...kuaishouParsers,
  ...tmallParsers,
  ...pinduoduoParsers,
  ...xiaohongshuParsers,
} as Record<EndpointId, ListParser>;
