// One shared fake of the Excel host for the adapter tests, the pane tests and the browser e2e test.
export { createFakeHost, installFakeOffice, uninstallFakeOffice } from "./install";
export type { FakeHost, FakeHostOptions } from "./install";
export { FakeWorkbookState, cellAt, peek, readValue } from "./model";
export type { FakeSheet, FakeCell } from "./model";
export { PAYLOAD_LIMIT } from "./proxy";
