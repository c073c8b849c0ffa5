// Fetching a page from the web on behalf of a user: the one way the server reaches out to an address a person
// typed. Every connection (the first and each redirect's) goes through request-filtering-agent, which checks the
// address the name resolved to at connect time, so neither a name that resolves to a private address nor a
// redirect to one gets through; axios (with follow-redirects) handles redirects and the time and size limits;
// decodePage (./charset.ts) decodes the bytes the way a browser would (BOM, Content-Type charset, <meta charset>).
import { createHash } from "node:crypto";
import axios, { AxiosError } from "axios";
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from "request-filtering-agent";
import { AppError } from "@/lib/http/errors";
import { parseUrl } from "@/lib/validation/urls";
import { decodePage } from "./charset";
import { charsetParameter } from "@/lib/http/media-type";

/** Largest response read, in bytes (the import limit is 2 MiB of text; a page's markup fits in this). */
export const MAX_FETCH_BYTES = 5 * 1024 * 1024;
/** How long one fetch may take in all, redirects included, in milliseconds. */
export const FETCH_TIMEOUT_MS = 15_000;
/** Redirects followed before giving up. */
export const MAX_REDIRECTS = 5;

export type FetchedPage = {
  /** The address asked for. */
  url: string;
  /** The address the page came from after redirects. */
  finalUrl: string;
  status: number;
  /** The Content-Type header's media type, lower case, without parameters ("" when absent). */
  contentType: string;
  /** The raw bytes as received (after content decoding such as gzip). */
  bytes: Buffer;
  /** The bytes decoded as text (HTML encoding sniffing); "" for PDFs and other binary types. */
  text: string;
  /** SHA-256 of `bytes`, hex. */
  sha256: string;
  fetchedAt: Date;
};

export type FetchOptions = {
  /**
   * IP addresses or CIDR ranges that may be reached even though they are private, loopback or link-local
   * (request-filtering-agent's allowIPAddressList). Default: FETCH_ALLOW_ADDRESSES, comma-separated, empty
   * when unset, so nothing but public addresses is reached.
   */
  allow?: string[];
  timeoutMs?: number;
  maxBytes?: number;
};

/** The allow-list from FETCH_ALLOW_ADDRESSES ("10.1.2.3, 192.168.0.0/16"); empty when unset. */
export function allowedAddressesFromEnv(): string[] {
  return (process.env.FETCH_ALLOW_ADDRESSES ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
}

const unprocessable = (message: string) => new AppError("unprocessable", message, { url: [message] });

/** The refusal of an address on a private or internal network (callers that know who asks add what they can do). */
export const PRIVATE_ADDRESS_REFUSED = "That address is on a private or internal network; Factdesk only fetches public web pages.";

/** Whether `error` is fetchPage's refusal of a private or internal address (PRIVATE_ADDRESS_REFUSED). */
export function isPrivateAddressRefusal(error: unknown): error is AppError {
  return error instanceof AppError && error.message === PRIVATE_ADDRESS_REFUSED;
}

function refusal(error: unknown): AppError {
  const message = error instanceof Error ? error.message : String(error);
  if (/is not allowed\. Because/i.test(message)) return unprocessable(PRIVATE_ADDRESS_REFUSED);
  if (error instanceof AxiosError) {
    if (error.code === "ERR_FR_TOO_MANY_REDIRECTS") return unprocessable(`The page redirected more than ${MAX_REDIRECTS} times.`);
    if (error.code === "ECONNABORTED" || error.code === "ETIMEDOUT" || error.code === "ERR_CANCELED")
      return unprocessable("The page took too long to answer. Try again, or paste the article instead.");
    if (error.code === "ERR_BAD_RESPONSE" && /maxContentLength|content length/i.test(message))
      return unprocessable("The page is too large to import. Paste the article text instead.");
    if (/maxContentLength|maxBodyLength/i.test(message))
      return unprocessable("The page is too large to import. Paste the article text instead.");
    if (error.code === "ENOTFOUND" || /ENOTFOUND|EAI_AGAIN/.test(message)) return unprocessable("No web site answers at that address.");
    if (error.code === "ERR_FR_REDIRECTION_FAILURE" || /Unsupported protocol/i.test(message))
      return unprocessable("The page redirected somewhere Factdesk does not follow.");
  }
  // The reader gets the plain sentence; the log keeps the cause (an e2e archive kept failing with it, stop 33).
  const code = (error as { code?: unknown } | null)?.code;
  console.warn(`[fetch] could not fetch a page: ${typeof code === "string" ? `${code}: ` : ""}${message}`);
  return unprocessable("The page could not be fetched. Check the address, or paste the article instead.");
}

/**
 * Fetches `url` (http or https only) with GET: at most MAX_REDIRECTS redirects (each to http or https), at most
 * `maxBytes` (default MAX_FETCH_BYTES = 5 MiB) and `timeoutMs` (default FETCH_TIMEOUT_MS = 15 s, for the whole
 * exchange). Connections to loopback, private, link-local, unique-local and metadata addresses (169.254.169.254,
 * fd00:ec2::254 …) are refused at connect time, for the first request and every redirect, whether the address
 * was written as such or a name resolved to it, unless `allow` (default FETCH_ALLOW_ADDRESSES) lists it. No
 * proxy from the environment is used (it would hide the real destination from the check). Any HTTP status
 * comes back as the page (the caller decides what a 404 means).
 * @throws AppError 422 `unprocessable` (on `url`) for an unsupported address, a refused destination, a timeout,
 * a response over the size limit, too many redirects, or a network failure, each with a message a person can act on;
 * and for a page in a character set browsers refuse to decode (decodePage: iso-2022-kr and the other "replacement" labels).
 */
export async function fetchPage(url: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const parsed = parseUrl(url);
  if (!parsed || !/^https?:$/.test(parsed.protocol)) throw unprocessable("Enter a web address starting with https:// or http://.");
  const filter = { allowIPAddressList: options.allow ?? allowedAddressesFromEnv() };
  const maxBytes = options.maxBytes ?? MAX_FETCH_BYTES;
  const fetchedAt = new Date();
  try {
    const response = await axios.get<ArrayBuffer>(parsed.href, {
      responseType: "arraybuffer",
      maxRedirects: MAX_REDIRECTS,
      maxContentLength: maxBytes,
      timeout: options.timeoutMs ?? FETCH_TIMEOUT_MS,
      signal: AbortSignal.timeout(options.timeoutMs ?? FETCH_TIMEOUT_MS),
      proxy: false,
      httpAgent: new RequestFilteringHttpAgent(filter),
      httpsAgent: new RequestFilteringHttpsAgent(filter),
      validateStatus: () => true,
      // Plain text back from the server, not a parsed guess.
      transformResponse: (data: unknown) => data,
      headers: {
        "User-Agent": "Factdesk/0.1 (fact-check archive)",
        Accept: "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.8",
      },
      beforeRedirect: (redirect: { protocol?: string }) => {
        if (redirect.protocol && !/^https?:$/.test(redirect.protocol)) throw new Error("Unsupported protocol in redirect");
      },
    });
    const bytes = Buffer.from(response.data);
    const contentTypeHeader = String(response.headers["content-type"] ?? "");
    const contentType = contentTypeHeader.split(";")[0]!.trim().toLowerCase();
    const charset = charsetParameter(contentTypeHeader);
    const binary =
      contentType === "application/pdf" || contentType.startsWith("image/") || bytes.subarray(0, 5).toString("latin1") === "%PDF-";
    const finalUrl: string = response.request?.res?.responseUrl ?? parsed.href;
    return {
      url: parsed.href,
      finalUrl,
      status: response.status,
      contentType,
      bytes,
      text: binary ? "" : decodePage(bytes, charset),
      sha256: createHash("sha256").update(bytes).digest("hex"),
      fetchedAt,
    };
  } catch (error) {
    // Already a sentence for the reader (decodePage's refusal of a character set browsers do not decode).
    if (error instanceof AppError) throw error;
    throw refusal(error);
  }
}
