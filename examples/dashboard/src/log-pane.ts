// The live log pane: the facade's log subscription for one device, drawn as a list.
import type { Balena } from '@balena-ts/sdk';
import { messageOf } from './dom.js';

const PAST_LOG_LINES = 20;
const MAX_LOG_LINES = 300;

function append(list: HTMLElement, text: string, className?: string): void {
  const item = document.createElement('li');
  item.textContent = text;
  if (className) item.className = className;
  list.append(item);
  while (list.childElementCount > MAX_LOG_LINES) list.firstElementChild?.remove();
  list.scrollTop = list.scrollHeight;
}

/**
 * Follows a device's logs into `list`: its last lines first, then each new line as it arrives.
 * @returns a function that ends the subscription
 */
export function followLogs(balena: Balena, uuid: string, list: HTMLElement): () => void {
  list.replaceChildren();
  const subscription = balena.logs.subscribe(
    uuid,
    (line) => {
      const time = new Date(line.timestamp).toISOString().slice(11, 19);
      append(list, `${time} ${line.message}`, line.isSystem ? 'system' : undefined);
    },
    (error) => append(list, `The log stream ended: ${messageOf(error)}`, 'system'),
    PAST_LOG_LINES,
  );
  return () => subscription.unsubscribe();
}
