// Structured JSON logs (pino); children carry shop, topic, webhook id and job id.
import { pino, type Logger } from "pino";

export type { Logger };

export function createLogger(level: string, name = "afterglow"): Logger {
  return pino({ name, level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime });
}
