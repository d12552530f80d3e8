/**
 * When a filter select applies itself: at once when chosen with the pointer (the choice is made in the opened
 * list), on Enter when changed from the keyboard (arrow keys step through values one press at a time).
 */
import { useRef, type KeyboardEvent } from "react";

export const SELECT_HINT_ID = "workbooks-select-hint";

export function useSelectApply(apply: () => void) {
  const fromKeyboard = useRef(false);
  return {
    changed: () => {
      if (!fromKeyboard.current) apply();
    },
    props: {
      "aria-describedby": SELECT_HINT_ID,
      onPointerDown: () => {
        fromKeyboard.current = false;
      },
      onKeyDown: (event: KeyboardEvent<HTMLSelectElement>) => {
        if (event.key === "Enter") {
          event.preventDefault();
          apply();
          return;
        }
        if (event.key !== "Tab") fromKeyboard.current = true;
      },
    },
  };
}
