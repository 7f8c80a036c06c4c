/**
 * What a vendor package's endpoint function returns inside the package: the unwrapped data and the
 * vendor's request or trace id, if it sent one. Client methods return `data`; `sendText` builds a
 * `SentMessage` from both.
 * @see @msg/core README.md#vendor-packages
 */
export interface EndpointResult<Data> {
  data: Data
  requestId: string | undefined
}
