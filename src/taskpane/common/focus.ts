// Focus after an action: a button disabled while it runs loses focus to <body>, and a screen-reader or
// keyboard user is then lost at the top of the page. Remember where focus was and put it back (or on the
// element given) once the action is done, unless the user has moved on.
export function keepFocus(): (to?: HTMLElement | null) => void {
  const was = typeof document !== "undefined" ? (document.activeElement as HTMLElement | null) : null;
  return (to) => {
    setTimeout(() => {
      const now = document.activeElement;
      if (to && to.isConnected) return to.focus();
      if ((!now || now === document.body) && was && was.isConnected) was.focus();
    }, 0);
  };
}
