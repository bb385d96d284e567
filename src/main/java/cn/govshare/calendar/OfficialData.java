package cn.govshare.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Reads the shipped official data (calendar/cn-official-days.tsv: notice year, date, kind, name). */
final class OfficialData {

  static final String RESOURCE = "/calendar/cn-official-days.tsv";

  private OfficialData() {
  }

  static List<OfficialDay> shipped() {
    try (InputStream in = OfficialData.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<OfficialDay> days = new ArrayList<>();
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] columns = line.split("\t", -1);
        if (columns.length != 4) {
          throw new IllegalStateException(RESOURCE + ":" + number + ": expected 4 tab-separated columns");
        }
        days.add(new OfficialDay(Integer.parseInt(columns[0]), LocalDate.parse(columns[1]),
            DayKind.valueOf(columns[2]), columns[3]));
      }
      return days;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
