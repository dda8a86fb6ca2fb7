// The SigV4 date stamp, shared by the signer and the server's verification.

let lastSecond = Number.NaN;
let lastAmzDate = "";

/** `YYYYMMDDTHHMMSSZ` (UTC), remembered for the current second. */
export function amzDate(date: Date): string {
  const second = Math.floor(date.getTime() / 1000);
  if (second !== lastSecond) {
    const iso = date.toISOString(); // throws RangeError for an invalid date
    lastAmzDate = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
    lastSecond = second;
  }
  return lastAmzDate;
}
