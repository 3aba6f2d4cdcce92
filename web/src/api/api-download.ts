// Downloads a file from an /api route that needs the session token (a plain link cannot carry it): fetch, then save.
import { ApiError, sessionToken } from "./api-fetch";

export async function apiDownload(path: string, fallbackName: string): Promise<void> {
  const response = await fetch(path, { headers: { authorization: `Bearer ${await sessionToken()}` } });
  if (!response.ok) throw new ApiError(response.status, "download_failed", `HTTP ${response.status}`, {});
  const disposition = response.headers.get("content-disposition") ?? "";
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has started the download once click() returns; the object URL can go a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
