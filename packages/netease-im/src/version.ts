/**
 * The version of `@msg/netease-im`, sent in the `msg-netease-im/<version>` user agent.
 * @see https://doc.yunxin.163.com/messaging2/server-apis/zcwODA3MTU?platform=server3
 */
export const version = '0.1.0'
