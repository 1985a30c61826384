// jsdom lacks TextEncoder/TextDecoder, which the fake Excel host (request sizes) and the readers use:
// Node's own, imported before them.
import { TextDecoder, TextEncoder } from "util";
const g = globalThis as unknown as Record<string, unknown>;
g.TextEncoder ??= TextEncoder;
g.TextDecoder ??= TextDecoder;
export {};
