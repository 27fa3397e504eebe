import { Table, type TableColumn } from '@backstage/core-components';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useMemo, type CSSProperties, type ReactNode } from 'react';

/** A column of a family list: its header and its cell. */
export interface ListColumn<T> {
  readonly title: string;
  readonly render: (row: T) => ReactNode;
  readonly style?: CSSProperties;
}

/** What the table hands a row component (material-table's `components.Row`). */
interface RowProps<T extends object> {
  data: T;
  columns: readonly TableColumn<T>[];
}

/**
 * The family's lists on Backstage's `Table`: the server sorts and pages (the
 * page's "load more"), so the table neither sorts nor pages what it was given.
 * Each row is `<rowTestId>-<number>`, so a list's rows can be found by number.
 */
export function ListTable<T extends { id: string; number: string }>(props: {
  rows: readonly T[];
  columns: readonly ListColumn<T>[];
  rowTestId: string;
  empty: string;
  testId?: string;
}) {
  const { rowTestId } = props;
  // The table's rows with a test id; stable, so rows keep their state.
  const Row = useMemo(
    () =>
      function ListRow({ data, columns }: RowProps<T>) {
        return (
          <TableRow hover data-testid={`${rowTestId}-${data.number}`}>
            {columns
              .filter(column => !column.hidden)
              .map((column, i) => (
                <TableCell
                  key={i}
                  style={
                    typeof column.cellStyle === 'object'
                      ? column.cellStyle
                      : undefined
                  }
                >
                  {column.render?.(data, 'row')}
                </TableCell>
              ))}
          </TableRow>
        );
      },
    [rowTestId],
  );
  const columns = useMemo(
    () =>
      props.columns.map(
        (column): TableColumn<T> => ({
          title: column.title,
          render: row => column.render(row),
          cellStyle: column.style,
          sorting: false,
        }),
      ),
    [props.columns],
  );
  return (
    <div data-testid={props.testId}>
      <Table<T>
        options={{
          paging: false,
          search: false,
          sorting: false,
          toolbar: false,
          draggable: false,
          padding: 'dense',
        }}
        data={[...props.rows]}
        columns={columns}
        components={{ Row }}
        emptyContent={
          <Typography
            variant="body2"
            color="textSecondary"
            style={{ padding: 16 }}
          >
            {props.empty}
          </Typography>
        }
      />
    </div>
  );
}
