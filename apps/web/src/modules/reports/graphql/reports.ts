import { graphql } from '../../../graphql/generated';

/** The card list filter behind a figure: the link opens the list with exactly these conditions. */
export const REPORT_CARD_FILTER_FRAGMENT = graphql(`
  fragment ReportCardFilter on CardFilter {
    statusIds
    ownerIds
    unowned
    departmentIds
    categoryIds
    tagIds
    outcomes
    createdFrom
    createdTo
    enteredStatusIds
    enteredFrom
    enteredTo
    statusChangedFrom
    statusChangedTo
  }
`);

export const REPORT_MONEY_FRAGMENT = graphql(`
  fragment ReportMoney on MoneySum {
    currency
    amount
  }
`);

/** Money converted into the base currency (BASE mode): an exact decimal, and the currencies left out for want of a rate. */
export const REPORT_BASE_MONEY_FRAGMENT = graphql(`
  fragment ReportBaseMoney on BaseMoney {
    currency
    amount
    missing {
      currency
      count
    }
  }
`);

export const REPORT_OUTCOME_FRAGMENT = graphql(`
  fragment ReportOutcome on OutcomeFigure {
    count
    previousCount
    sums {
      ...ReportMoney
    }
    currencyMode
    inBase {
      ...ReportBaseMoney
    }
    cards {
      ...ReportCardFilter
    }
  }
`);

/** Every widget of the page for one filter, in one request (each field is an aggregate query). */
export const REPORT_QUERY = graphql(`
  query Report($filter: ReportFilterInput!) {
    report(filter: $filter) {
      pipelineId
      currencyMode
      baseCurrency
      period {
        fromDay
        toDay
        previousFromDay
        previousToDay
        timeZone
      }
      funnel {
        status {
          id
          name
          kind
          color
        }
        entered
        previousEntered
        convertedToNext
        conversion
        cards {
          ...ReportCardFilter
        }
      }
      outcomes {
        currencyMode
        winRate
        previousWinRate
        won {
          ...ReportOutcome
        }
        lost {
          ...ReportOutcome
        }
      }
      openPipeline {
        status {
          id
          name
          color
        }
        count
        sums {
          ...ReportMoney
        }
        currencyMode
        inBase {
          ...ReportBaseMoney
        }
        cards {
          ...ReportCardFilter
        }
      }
      forecast {
        month
        count
        withoutProbability
        sums {
          ...ReportMoney
        }
        weighted {
          ...ReportMoney
        }
        currencyMode
        inBase {
          ...ReportBaseMoney
        }
        weightedInBase {
          ...ReportBaseMoney
        }
      }
      activity {
        user {
          id
          name
        }
        todosDone
        overdueTodos
        mailsSent
        repliesReceived
        notes
        cardsMoved
        cardsWon
        wonCards {
          ...ReportCardFilter
        }
      }
      timeInStatus {
        status {
          id
          name
          color
        }
        stays
        averageDays
        medianDays
      }
      automations {
        id
        name
        state
        enrolled
        stepsDone
        mailSteps
        failures
      }
      weekly {
        week
        newCards
        newClients
        cards {
          ...ReportCardFilter
        }
      }
    }
  }
`);

/** A widget's table (as the page shows it) written as XLSX by the server's export writer. */
export const REPORT_XLSX_MUTATION = graphql(`
  mutation ReportXlsx($input: ReportTableInput!) {
    reportXlsx(input: $input)
  }
`);
