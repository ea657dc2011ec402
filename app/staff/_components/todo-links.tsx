// Server-compatible: what waits on a staff member in a locality ("3 drafts to submit, 1 returned line to fix"), each
// a link to the list that holds it, or the sentence saying nothing waits. Shaped by localityWork (workspace-view.ts).
import Link from 'next/link';
import { Fragment } from 'react';
import type { LocalityWork } from '../_lib/workspace-view';

export function TodoLinks({ work }: { work: LocalityWork }) {
  if (work.todo.length === 0) return work.nothing ? <p data-testid="locality-todo">{work.nothing}</p> : null;
  return (
    <p data-testid="locality-todo">
      {work.todo.map((item, i) => (
        <Fragment key={item.href}>
          {i > 0 ? ', ' : ''}
          <Link href={item.href}>{item.text}</Link>
        </Fragment>
      ))}
      .
    </p>
  );
}
