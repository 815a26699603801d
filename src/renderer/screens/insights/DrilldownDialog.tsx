import { Modal } from '../../components/Modal';
import { DRILL_PAGE_SIZE } from '../../state/insights-store';
import { useInsights } from '../../state/store-context';
import { money, whole } from './format';

/** The customers behind a row, page by page, and any one customer's latest orders. */
export function DrilldownDialog() {
  const drill = useInsights((s) => s.drill);
  const { drillPage, openCustomer, closeCustomer, closeDrilldown } = useInsights((s) => s);
  if (!drill) return null;
  const page = drill.page;
  const last = page ? Math.min(page.offset + DRILL_PAGE_SIZE, page.total) : 0;

  return (
    <Modal open title={drill.title} onClose={drill.customer ? closeCustomer : closeDrilldown} className="drill-modal">
      {drill.customer ? (
        <CustomerOrders />
      ) : !page ? (
        <p className="muted">Finding the customers…</p>
      ) : page.total === 0 ? (
        <p className="empty">No customers are behind this row any more.</p>
      ) : (
        <>
          <p data-testid="drill-total">
            {page.total.toLocaleString('en-US')} {page.total === 1 ? 'match' : 'matches'}; showing{' '}
            {(page.offset + 1).toLocaleString('en-US')}–{last.toLocaleString('en-US')}.
          </p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  {page.columns.map((column) => (
                    <th key={column} scope="col">
                      {column}
                    </th>
                  ))}
                  <th scope="col">
                    <span className="visually-hidden">Orders</span>
                  </th>
                </tr>
              </thead>
              <tbody data-testid="drill-rows">
                {page.rows.map((row, index) => (
                  <tr key={index}>
                    {row.cells.map((cell, i) => (
                      <td key={i}>{cell === null ? '–' : String(cell)}</td>
                    ))}
                    <td>
                      {row.customerId && (
                        <button type="button" className="link" onClick={() => void openCustomer(row.customerId!)}>
                          Orders of {row.customerId}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="actions">
            <button
              type="button"
              disabled={drill.loading || page.offset === 0}
              onClick={() => void drillPage(Math.max(0, page.offset - DRILL_PAGE_SIZE))}
            >
              Previous
            </button>
            <button
              type="button"
              disabled={drill.loading || last >= page.total}
              onClick={() => void drillPage(page.offset + DRILL_PAGE_SIZE)}
            >
              Next
            </button>
          </div>
        </>
      )}
      <div className="actions">
        {drill.customer && (
          <button type="button" onClick={closeCustomer}>
            Back to the list
          </button>
        )}
        <button type="button" className="primary" onClick={closeDrilldown}>
          Close
        </button>
      </div>
    </Modal>
  );
}

function CustomerOrders() {
  const customer = useInsights((s) => s.drill?.customer);
  if (!customer) return null;
  if (!customer.orders) return <p className="muted">Loading the orders of {customer.id}…</p>;
  if (customer.orders.length === 0)
    return <p className="empty">Customer {customer.id} has no orders in this workspace.</p>;
  return (
    <div data-testid="customer-orders">
      <h3>Latest orders of customer {customer.id}</h3>
      {customer.orders.map((order) => (
        <section key={order.orderId} className="order-card">
          <p>
            <strong>Order {order.orderId}</strong>{' '}
            <span className="muted">
              {order.orderedAt ?? 'no date'}
              {order.status ? ` · ${order.status}` : ''}
            </span>
          </p>
          <ul>
            {order.lines.map((line, i) => (
              <li key={i}>
                {whole(line.quantity)} × {line.name ?? line.productId}{' '}
                <span className="muted">at {money(line.unitPrice)}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
