import { fireEvent, render } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import ReportBarChart, { type ChartRow, type ChartSeries } from './ReportBarChart';

function Location() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

const SERIES: ChartSeries[] = [
  { key: 'entered', label: 'This period', color: '#0072B2' },
  { key: 'previous', label: 'Previous period', color: '#E69F00' },
];

function draw(rows: ChartRow[], layout: 'rows' | 'columns', series = SERIES) {
  const result = render(
    <MemoryRouter initialEntries={['/reports']}>
      <Routes>
        <Route path="*" element={<><ReportBarChart rows={rows} series={series} layout={layout} summary="Summary line" formatValue={(n) => n.toLocaleString('en')} /><Location /></>} />
      </Routes>
    </MemoryRouter>,
  );
  return { ...result, bars: () => [...result.container.querySelectorAll('.report-chart__bar')] };
}

// jsdom lays nothing out: the chart reads its width from clientWidth.
let clientWidth: PropertyDescriptor | undefined;
beforeAll(() => {
  clientWidth = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth');
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 600 });
});
afterAll(() => {
  if (clientWidth) Object.defineProperty(HTMLElement.prototype, 'clientWidth', clientWidth);
});

test('draws a bar per row and series with its number, longer for larger values, and a legend for two series', () => {
  const { bars, getByRole, container } = draw(
    [
      { label: 'New lead', entered: 1722, previous: 1500, href: '/list/p?enteredStatusIds=a' },
      { label: 'Won', entered: 106, previous: null, href: '/list/p?enteredStatusIds=b' },
    ],
    'rows',
  );
  expect(getByRole('img', { name: 'Summary line' })).toBeInTheDocument();
  // A missing value draws no bar.
  expect(bars().map((b) => b.querySelector('title')!.textContent)).toEqual(['New lead · This period: 1,722', 'New lead · Previous period: 1,500', 'Won · This period: 106']);
  const [lead, , won] = bars().map((b) => Number(b.getAttribute('width')));
  expect(lead).toBeGreaterThan(won * 10);
  expect(container.querySelector('.report-chart__legend')!.textContent).toBe('This periodPrevious period');
  // The names on the left.
  expect([...container.querySelectorAll('text')].map((t) => t.textContent)).toEqual(expect.arrayContaining(['New lead', 'Won', '1,722', '106']));
});

test('a click on a bar opens the list behind it; a bar without a list is not a link', () => {
  const { bars, getByTestId } = draw(
    [
      { label: 'New lead', entered: 5, href: '/list/p?enteredStatusIds=a' },
      { label: 'December 2026', entered: 3, href: null },
    ],
    'rows',
    SERIES.slice(0, 1),
  );
  const [linked, plain] = bars();
  expect(plain.classList.contains('report-chart__bar--link')).toBe(false);
  fireEvent.click(plain);
  expect(getByTestId('location').textContent).toBe('/reports');
  fireEvent.click(linked);
  expect(getByTestId('location').textContent).toBe('/list/p?enteredStatusIds=a');
});

test('columns over 53 weeks label only every few weeks, so the labels do not overlap', () => {
  const rows = Array.from({ length: 53 }, (_, i) => ({ label: `Week ${i + 1}`, entered: i % 4, href: null }));
  const { bars, container } = draw(rows, 'columns', SERIES.slice(0, 1));
  // Weeks with 0 still have their (empty) bar; every week is drawn.
  expect(bars()).toHaveLength(53);
  const labels = [...container.querySelectorAll('.visx-axis-bottom text')].map((t) => t.textContent);
  expect(labels[0]).toBe('Week 1');
  expect(labels.length).toBeGreaterThan(3);
  expect(labels.length).toBeLessThan(15);
  // Counts up to 3 have whole-number ticks only (no 0.5, 1.5 ...).
  const ticks = [...container.querySelectorAll('.visx-axis-left text')].map((t) => t.textContent);
  expect(ticks.length).toBeGreaterThan(1);
  expect(ticks).toEqual(['0', '1', '2', '3']);
});
