// `@msg/netease-im/md5`: MD5 for attachments, apart from the main entry so that an app sending
// text never bundles it.
export { attachmentMd5 } from '../conversations/attachment-md5.js'
export { md5Hex } from '../md5.js'
