import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import './tabs.css';

export interface TabItem {
  id: string;
  label: string;
  content: ReactNode;
}

/**
 * Tabs as the ARIA pattern has them: a tablist of buttons (arrow keys, Home, End move between
 * them), one panel shown. Panels not shown stay mounted but hidden, so their state (a form being
 * typed, a drawing) survives a switch.
 */
export function Tabs({
  items,
  label,
  className = '',
  initial,
  selected: controlled,
  onSelect,
}: {
  items: TabItem[];
  label: string;
  className?: string;
  initial?: string;
  selected?: string;
  onSelect?: (id: string) => void;
}) {
  const prefix = useId();
  const [own, setOwn] = useState(initial ?? items[0]?.id ?? '');
  const selected = controlled ?? own;
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const select = (id: string) => {
    setOwn(id);
    onSelect?.(id);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = items.findIndex((item) => item.id === selected);
    let next: number | undefined;
    if (event.key === 'ArrowRight') next = (index + 1) % items.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + items.length) % items.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    if (next === undefined) return;
    event.preventDefault();
    const id = items[next]!.id;
    select(id);
    buttons.current.get(id)?.focus();
  };
  return (
    <div className={`tabs ${className}`.trim()}>
      <div role="tablist" aria-label={label} className="tabs__list" onKeyDown={onKeyDown}>
        {items.map((item) => (
          <button
            key={item.id}
            ref={(node) => {
              if (node) buttons.current.set(item.id, node);
              else buttons.current.delete(item.id);
            }}
            type="button"
            role="tab"
            id={`${prefix}-tab-${item.id}`}
            aria-selected={item.id === selected}
            aria-controls={`${prefix}-panel-${item.id}`}
            tabIndex={item.id === selected ? 0 : -1}
            className="tabs__tab"
            onClick={() => select(item.id)}
          >
            {item.label}
          </button>
        ))}
      </div>
      {items.map((item) => (
        <div
          key={item.id}
          role="tabpanel"
          id={`${prefix}-panel-${item.id}`}
          aria-labelledby={`${prefix}-tab-${item.id}`}
          className="tabs__panel"
          hidden={item.id !== selected}
          tabIndex={0}
        >
          {item.content}
        </div>
      ))}
    </div>
  );
}
