// Maps any thrown value to the status and JSON body the client sees: AppError codes map, anything else hides its message.
import { AppError, statusForCode } from "../errors/app-error.js";

export interface ErrorResponse {
  status: number;
  body: { error: { code: string; message: string } & Record<string, unknown> };
  /** Unexpected errors are logged with their stack; expected ones are the client's concern. */
  unexpected: boolean;
}

export function errorResponse(error: unknown): ErrorResponse {
  if (error instanceof AppError) {
    const status = statusForCode[error.code];
    return {
      status,
      body: { error: { code: error.code, message: error.message, ...error.details } },
      unexpected: status >= 500,
    };
  }
  // body-parser's errors carry their own status (e.g. 413 for a body over the limit).
  const status = readStatus(error);
  if (status && status < 500) {
    return {
      status,
      body: { error: { code: "bad_request", message: "The request could not be read" } },
      unexpected: false,
    };
  }
  return {
    status: 500,
    body: { error: { code: "internal", message: "Something went wrong on our side" } },
    unexpected: true,
  };
}

function readStatus(error: unknown): number | undefined {
  if (typeof error === "object" && error !== null && "status" in error && typeof error.status === "number") {
    return error.status;
  }
  return undefined;
}
