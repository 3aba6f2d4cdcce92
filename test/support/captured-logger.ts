// A real pino logger whose lines a test can read back.
import { Writable } from "node:stream";
import { pino, type Logger } from "pino";

export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export function createCapturedLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const text of chunk.toString("utf8").split("\n")) {
        if (text.trim()) lines.push(JSON.parse(text) as LogLine);
      }
      callback();
    },
  });
  return { logger: pino({ level: "debug" }, stream), lines };
}
