// Size budget app for @msg/fxiaoke: one sendText, bundled for the browser with every dependency.
import { createFxiaoke } from '@msg/fxiaoke'

const fxiaoke = createFxiaoke({ accessToken: 'pre-issued-token', ea: 'ea', userId: 'FSUID_sender' })
void fxiaoke.sendText({ toUser: ['FSUID_friend'] }, 'hello')
