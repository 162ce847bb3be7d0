// A user agent in words: "Firefox on Android", "Chrome on Linux", "a script (curl)".

const BROWSERS = [
  [/Edg(e|A|iOS)?\//, "Edge"], [/OPR\/|Opera/, "Opera"], [/SamsungBrowser\//, "Samsung Internet"],
  [/Firefox\/|FxiOS\//, "Firefox"], [/HeadlessChrome\//, "Chrome (headless)"],
  [/Chrome\/|CriOS\//, "Chrome"], [/Safari\//, "Safari"],
];
const SYSTEMS = [
  [/Android/, "Android"], [/iPhone|iPad|iPod/, "iOS"], [/Windows/, "Windows"],
  [/CrOS/, "ChromeOS"], [/Macintosh|Mac OS X/, "macOS"], [/Linux/, "Linux"],
];
const SCRIPTS = [
  [/^curl\//, "curl"], [/^Wget/, "wget"], [/python|httpx|aiohttp/i, "Python"],
  [/okhttp/i, "an Android app"], [/PostmanRuntime/, "Postman"], [/^Go-http-client/, "Go"],
  [/^node|undici|axios/i, "Node.js"],
];

const first = (table, text) => (table.find(([pattern]) => pattern.test(text)) || [])[1];

export function deviceInWords(userAgent) {
  const text = (userAgent || "").trim();
  if (!text) return "An unknown device";
  const script = first(SCRIPTS, text);
  if (script) return `A script or app (${script})`;
  const browser = first(BROWSERS, text);
  const system = first(SYSTEMS, text);
  if (browser && system) return `${browser} on ${system}`;
  return browser || (system ? `A browser on ${system}` : "An unknown device");
}
