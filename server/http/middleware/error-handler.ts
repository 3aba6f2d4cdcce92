// The one Express error handler: AppError codes become statuses; anything else is a 500 that hides its message.
import type { ErrorRequestHandler } from "express";
import type { Logger } from "pino";
import { AppError, statusForCode } from "../../errors/app-error.js";

export function createErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    if (error instanceof AppError) {
      const status = statusForCode[error.code];
      if (status >= 500) logger.error({ err: error, path: req.path }, error.message);
      res.status(status).json({ error: { code: error.code, message: error.message, ...error.details } });
      return;
    }
    // body-parser's errors carry their own status (e.g. 413 for a body over the limit).
    const status = readStatus(error);
    if (status && status < 500) {
      res.status(status).json({ error: { code: "bad_request", message: "The request could not be read" } });
      return;
    }
    logger.error({ err: error, path: req.path }, "unhandled error");
    res.status(500).json({ error: { code: "internal", message: "Something went wrong on our side" } });
  };
}

function readStatus(error: unknown): number | undefined {
  if (typeof error === "object" && error !== null && "status" in error && typeof error.status === "number") {
    return error.status;
  }
  return undefined;
}
