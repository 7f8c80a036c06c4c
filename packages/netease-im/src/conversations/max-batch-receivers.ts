/**
 * Most receivers one batch-send call takes.
 * @see https://doc.commsease.com/messaging2/server-apis/zgzOTE1MTI
 */
export const maxBatchReceivers = 100
