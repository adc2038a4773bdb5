/** Fluent's Tooltip (with its positioning and portal code) as a chunk of its own: see DeferredTooltip.tsx. */
export { Tooltip } from '@fluentui/react-components';
