// Asked before an action with a public consequence (a unit published as 未报送, points lost, a figure
// dropped): the consequence in the body, the safe choice first and the default. The body scrolls inside
// the dialog, so at 200 % zoom every word is reachable by keyboard. Focus goes back to `returnFocus`.
import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
} from "@fluentui/react-components";
import type { Ask, OnChoice, OnConfirmed } from "../handlers";

const useStyles = makeStyles({
  surface: { maxWidth: "calc(100vw - 16px)", maxHeight: "calc(100vh - 16px)", boxSizing: "border-box" },
  content: { overflowY: "auto", overflowWrap: "anywhere", whiteSpace: "pre-line" },
});

export interface ConfirmRequest {
  title: string;
  body: string;
  confirm: string;
  cancel: string;
}

/** A question with its answers; the first is the safe one: the default button, and what Esc gives. */
export interface ChoiceRequest<C extends string> {
  title: string;
  body: string;
  choices: { value: C; label: string }[];
}

/** The one dialog of the views that asks before a consequence (overwriting a template, 退回, 不计入 …). */
export function ChoiceDialog<C extends string>({
  request,
  onChoose,
}: {
  request: ChoiceRequest<C> | null;
  onChoose: OnChoice<C>;
}): React.JSX.Element {
  const s = useStyles();
  const id = React.useId();
  const [safe, ...others] = request?.choices ?? [];
  return (
    <Dialog
      open={!!request}
      modalType="alert"
      onOpenChange={(_, d) => !d.open && safe && onChoose(safe.value)}
    >
      <DialogSurface className={s.surface} aria-describedby={`${id}-body`}>
        <DialogBody>
          <DialogTitle>{request?.title}</DialogTitle>
          {/* Focusable: the keyboard can scroll it where it does not fit (200 % zoom). */}
          <DialogContent id={`${id}-body`} className={s.content} tabIndex={0} data-testid="confirm-body">
            {request?.body}
          </DialogContent>
          <DialogActions fluid position="start">
            {safe && (
              <Button appearance="primary" onClick={() => onChoose(safe.value)}>
                {safe.label}
              </Button>
            )}
            {others.map((c) => (
              <Button key={c.value} onClick={() => onChoose(c.value)}>
                {c.label}
              </Button>
            ))}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export function ConfirmDialog({
  request,
  onClose,
}: {
  request: ConfirmRequest | null;
  /** true: confirmed. */
  onClose: OnConfirmed;
}): React.JSX.Element {
  const choice: ChoiceRequest<"cancel" | "confirm"> | null = request && {
    title: request.title,
    body: request.body,
    choices: [
      { value: "cancel", label: request.cancel },
      { value: "confirm", label: request.confirm },
    ],
  };
  return <ChoiceDialog request={choice} onChoose={(c) => onClose(c === "confirm")} />;
}

/** A confirmation as a promise: `ask(req)` resolves true when confirmed; render `dialog`. */
export function useConfirm(): {
  ask: Ask<ConfirmRequest>;
  dialog: React.JSX.Element;
} {
  const [req, setReq] = React.useState<ConfirmRequest | null>(null);
  const resolver = React.useRef<OnConfirmed | null>(null);
  const back = React.useRef<HTMLElement | null>(null);
  const ask = React.useCallback((r: ConfirmRequest) => {
    back.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    resolver.current?.(false);
    setReq(r);
    return new Promise<boolean>((resolve) => (resolver.current = resolve));
  }, []);
  const dialog = (
    <ConfirmDialog
      request={req}
      onClose={(ok) => {
        setReq(null);
        resolver.current?.(ok);
        resolver.current = null;
        // Back where the user was (the checkbox or button that asked), never <body>.
        const el = back.current;
        setTimeout(() => {
          if (el && el.isConnected) el.focus();
        }, 0);
      }}
    />
  );
  return { ask, dialog };
}
