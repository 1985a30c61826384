// How the views reach files: the host gives them a save (bytes out as a download) and a read (a picked
// File in as name, bytes and time) through this context; src/files/io.ts is the browser's implementation.
// The views never import it, so they touch neither Blob nor FileReader (nor Office.js).
import * as React from "react";
import type { ReturnFile } from "../host/types";

export interface PickedFile extends Blob {
  name: string;
  lastModified: number;
}

export type SaveFile = (fileName: string, bytes: Uint8Array, type?: string) => void;
export type ReadPickedFile = (file: PickedFile) => Promise<ReturnFile>;

/** A drop's files; `more`: some were left out (the cap); `unread`: folders the browser would not open. */
export type DroppedFiles = (
  dt: DataTransfer,
) => Promise<{ files: PickedFile[]; more: boolean; unread?: number }>;

export interface HostFiles {
  save: SaveFile;
  read: ReadPickedFile;
  /** The files of a drag-and-drop (a folder walked); absent where the host takes no drops. */
  dropped?: DroppedFiles;
}

const missing = (): never => {
  throw new Error("HostFilesContext: the host gave the views no file access");
};

export const HostFilesContext = React.createContext<HostFiles>({ save: missing, read: missing });

export function useHostFiles(): HostFiles {
  return React.useContext(HostFilesContext);
}
