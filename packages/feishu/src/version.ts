/**
 * This package's version (kept equal to package.json by a test).
 * @see https://open.feishu.cn/document/server-docs/im-v1/message/create
 */
export const version = '0.1.0'
