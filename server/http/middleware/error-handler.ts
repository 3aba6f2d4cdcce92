// The one Express error handler: every route's errors become a status and a JSON body through errorResponse.
import type { ErrorRequestHandler } from "express";
import type { Logger } from "pino";
import { errorResponse } from "../error-response.js";

export function createErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const response = errorResponse(error);
    if (response.unexpected) logger.error({ err: error, path: req.path }, "request failed");
    res.status(response.status).json(response.body);
  };
}
