import type { Ref } from 'react';

/**
 * The invisible file input behind an "Open…" button: the button clicks it,
 * and it hands over the one file chosen. It is cleared after each choice so
 * picking the same file again still reports it.
 */
export function HiddenFileInput(props: { inputRef: Ref<HTMLInputElement>; accept: string; className: string; testId: string; onFile(file: File): void }) {
  return (
    <input
      ref={props.inputRef}
      type="file"
      accept={props.accept}
      className={props.className}
      tabIndex={-1}
      aria-hidden="true"
      data-testid={props.testId}
      onChange={(e) => {
        const f = e.target.files?.[0];
        e.target.value = '';
        if (f) props.onFile(f);
      }}
    />
  );
}
