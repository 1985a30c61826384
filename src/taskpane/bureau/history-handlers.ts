// Callback types of the previous round's returns picker (in a .ts file: the React lint config reads the
// parameter names of function types in .tsx files as unused variables).
import type { ReturnResult } from "../../core/read/types";
import type { ReturnFile } from "../../host/types";
import type { PickedFile } from "../host-files";

export type OnReturns = (returns: ReturnResult[] | null) => void;
export type ReadPicked = (file: PickedFile) => Promise<ReturnFile>;
export type ReadReturn = (file: ReturnFile) => Promise<ReturnResult>;
export type OnError = (error: unknown) => void;
