// The only way the playground puts anything on screen: elements from createElement, text through Text nodes
// (append of a string), attributes through setAttribute. No innerHTML anywhere, so a typed header value such as
// `<img src=x onerror=alert(1)>` stays text.

export type Child = Node | string | null | undefined | false;

export interface Props {
  class?: string;
  /** Attributes, set with setAttribute (never an event handler: those are bound in code). */
  attrs?: Record<string, string>;
}

/** An element with a class, attributes and children; strings become Text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.class !== undefined) element.className = props.class;
  for (const [name, value] of Object.entries(props.attrs ?? {})) element.setAttribute(name, value);
  element.append(...present(children));
  return element;
}

/** Replaces a container's content. */
export function show(container: Element, ...children: Child[]): void {
  container.replaceChildren(...present(children));
}

/** The element with this id, or a clear error when the page and the code disagree. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`playground: no #${id} in the page`);
  return element as T;
}

function present(children: readonly Child[]): (Node | string)[] {
  return children.filter((child): child is Node | string => child !== null && child !== undefined && child !== false);
}
