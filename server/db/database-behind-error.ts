// Raised at start-up when the database lacks migrations this code needs.
import { AppError } from "../errors/app-error.js";

export class DatabaseBehindError extends AppError {
  override name = "DatabaseBehindError";
  constructor(pending: string[]) {
    super(
      "unavailable",
      `The database is missing ${pending.length} migration(s) (${pending.join(", ")}). Run \`npm run db:migrate\` to apply them.`,
    );
  }
}
