import { readFile } from 'node:fs/promises'
import { text } from 'node:stream/consumers'
import type { CommandIo } from './command-io.js'

/** The real process: its environment, standard streams and interrupt signals. */
export function nodeIo(): CommandIo {
  return {
    env: process.env,
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
    readStdin: () => text(process.stdin),
    readFile: async (path) => new Uint8Array(await readFile(path)),
    waitForStop: () =>
      new Promise((resolve) => {
        process.once('SIGINT', () => resolve())
        process.once('SIGTERM', () => resolve())
      }),
  }
}
