// `npm run smtp-catcher`: the dev SMTP catcher on its own (SMTP on 2525, mailbox on 2580 unless told otherwise).
import { createSmtpCatcher } from "./create-smtp-catcher.js";

const catcher = await createSmtpCatcher({
  smtpPort: Number(process.env.SMTP_CATCHER_PORT ?? 2525),
  httpPort: Number(process.env.SMTP_CATCHER_HTTP_PORT ?? 2580),
});
console.log(`SMTP catcher listening at ${catcher.smtpUrl}; mailbox at ${catcher.mailboxUrl}`);
const stop = () => {
  void catcher.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
