// Values esbuild writes into the bundle at build time (see build-extension.ts); there is no process at run time.
declare const process: { env: { AFTERGLOW_APP_URL: string } };
