// The one Express error handler: every route's errors become a status and a JSON body through errorResponse, its
// messages in the language the request asks for.
import type { ErrorRequestHandler } from "express";
import type { Logger } from "pino";
import { errorResponse } from "../error-response.js";
import { localiseErrorBody, requestLanguage } from "../localise-error-body.js";

export function createErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const response = errorResponse(error);
    if (response.unexpected) logger.error({ err: error, path: req.path }, "request failed");
    // The admin sends its language; messages are English for anyone else (and in logs).
    res.status(response.status).json(localiseErrorBody(response.body, requestLanguage(req.get("accept-language"))));
  };
}
