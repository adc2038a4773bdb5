/**
 * A Fluent Tooltip that is not on the first screen: Tooltip brings Fluent's positioning
 * (floating-ui) and portal code, about 15 KB gzip that nothing else on the first screen
 * needs. Until its chunk arrives (fetched once the pane is idle after its first paint, or
 * at once when the pointer or focus reaches the trigger) the trigger is rendered bare with
 * the tooltip's text as its aria-label (for relationship "label", what the Tooltip itself
 * sets) or aria-description, so its name is the same either way. Focus on the trigger
 * survives the swap.
 */
import { cloneElement, useCallback, useEffect, useRef, useState, type FocusEvent, type PointerEvent, type ReactElement } from 'react';
import { afterFirstPaint } from '../idle';

type TooltipComponent = typeof import('./tooltipChunk').Tooltip;

let loaded: TooltipComponent | null = null;
let pending: Promise<TooltipComponent> | undefined;
function loadTooltip(): Promise<TooltipComponent> {
  pending ??= import(/* webpackChunkName: "tooltip" */ './tooltipChunk').then(
    (m) => (loaded = m.Tooltip),
    (e: unknown) => {
      pending = undefined; // a later hover may try again
      throw e;
    },
  );
  return pending;
}

type TriggerProps = {
  ref?: unknown;
  onPointerEnter?: (e: PointerEvent<HTMLElement>) => void;
  onFocus?: (e: FocusEvent<HTMLElement>) => void;
};

export function DeferredTooltip(props: { content: string; relationship: 'label' | 'description'; children: ReactElement<TriggerProps> }) {
  const { content, relationship, children } = props;
  const [Tooltip, setTooltip] = useState<TooltipComponent | null>(() => loaded);
  const trigger = useRef<HTMLElement | null>(null);
  const refocus = useRef(false);
  const live = useRef(true);

  const load = useCallback(() => {
    void loadTooltip().then(
      (T) => {
        if (!live.current) return;
        // The trigger is mounted anew inside the Tooltip: give it back its focus.
        refocus.current = trigger.current !== null && trigger.current === trigger.current.ownerDocument.activeElement;
        setTooltip(() => T);
      },
      () => undefined, // stays a plain button with its label; the next hover or focus tries again
    );
  }, []);

  useEffect(() => {
    live.current = true;
    const cancel = Tooltip ? undefined : afterFirstPaint(load, 3000);
    return () => {
      live.current = false;
      cancel?.();
    };
  }, [Tooltip, load]);

  useEffect(() => {
    if (Tooltip && refocus.current) {
      refocus.current = false;
      trigger.current?.focus();
    }
  }, [Tooltip]);

  if (Tooltip) {
    return (
      <Tooltip content={content} relationship={relationship}>
        {cloneElement(children, { ref: trigger })}
      </Tooltip>
    );
  }
  return cloneElement(children, {
    ref: trigger,
    [relationship === 'label' ? 'aria-label' : 'aria-description']: content,
    onPointerEnter: (e: PointerEvent<HTMLElement>) => {
      load();
      children.props.onPointerEnter?.(e);
    },
    onFocus: (e: FocusEvent<HTMLElement>) => {
      load();
      children.props.onFocus?.(e);
    },
  } as TriggerProps);
}
