package passages.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dates as corpora write them become a day in the writer's own zone; anything else is unknown. */
class PublicationDatesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        "2016-09-20|2016-09-20",
        "  2016-09-20 |2016-09-20",
        "2016/09/20|2016-09-20",
        "2016-9-2|2016-09-02",
        // a date-time keeps the day written in its own zone: 23:30 in New York is the 20th there
        // (the 21st in UTC)
        "2016-09-20T23:30:00-04:00|2016-09-20",
        "2016-09-21T03:30:00Z|2016-09-21",
        "2016-09-20T23:30:00.000+0000|2016-09-20",
        "2016-09-20T01:15:00+09:00|2016-09-20",
        "2016-09-20 23:30|2016-09-20",
        "2016-09-20T23:30:00|2016-09-20",
        "Tue, 20 Sep 2016 12:00:00 GMT|2016-09-20",
        "September 20, 2016|2016-09-20",
        "Sept. 20, 2016|2016-09-20",
        "Sep 20 2016|2016-09-20",
        "20 September 2016|2016-09-20",
        "Tuesday, September 20, 2016|2016-09-20",
        "September 20th, 2016 at 10:30 AM EDT|2016-09-20",
        // unknown: never a guess, never today
        "NULL|NULL",
        "''|NULL",
        "   |NULL",
        "2016-02-30|NULL",
        "2016-13-01|NULL",
        "0000-00-00|NULL",
        "1899-12-31|NULL",
        "yesterday|NULL",
        "6 years ago|NULL",
        "2016|NULL",
        "September 2016|NULL",
        "Smarch 20, 2016|NULL",
        "2016-09-20 and more words|NULL",
        "id 20160920123|NULL",
      })
  void day_normalisesOrRefuses(String raw, String expected) {
    assertEquals(expected, PublicationDates.day(raw));
  }

  @Test
  void fromHead_findsADateLineAmongTheFirstLines() {
    assertEquals(
        "2024-03-03",
        PublicationDates.fromHead(List.of("Chips Deal Struck", "March 3, 2024", "Body text.")));
    assertEquals(
        "2024-03-03", PublicationDates.fromHead(List.of("Title", "Published: 2024-03-03")));
    assertEquals(
        "2024-03-03",
        PublicationDates.fromHead(List.of("Title", "Updated on March 3, 2024 10:00 a.m. ET")));
    assertEquals(
        "2024-03-03", PublicationDates.fromHead(List.of("Title", "By Jane Doe | March 3, 2024")));
    assertEquals(
        "2024-03-03", PublicationDates.fromHead(List.of("Title", "", "Posted 3 March 2024")));
  }

  @Test
  void fromHead_ignoresDatesInSentencesAndPastTheHead() {
    assertNull(
        PublicationDates.fromHead(
            List.of("Title", "The deal was signed on March 3, 2024 in Paris.")));
    assertNull(PublicationDates.fromHead(List.of("a", "b", "c", "d", "e", "f", "March 3, 2024")));
    assertNull(PublicationDates.fromHead(List.of("Title", "Published: soon")));
    assertNull(PublicationDates.fromHead(List.of()));
  }
}
