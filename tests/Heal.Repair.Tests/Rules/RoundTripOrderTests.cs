using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

/// <summary>A reader of positional fields that disagrees with the type's own writer on their order (<see cref="RoundTripOrder"/>).</summary>
public sealed class RoundTripOrderTests
{
    private static readonly ArgumentGuardRule Rule = new();

    private const string OutOfRange = "System.ArgumentOutOfRangeException";

    [Fact]
    public void Apply_CsvReaderSwapsColumnsItsWriterOrders_ReadsInTheWritersOrder() => RuleCheck.Fixes(Rule,
        """
        //- src/Climate/Reading.cs
        using System;

        namespace Climate;

        public sealed class Reading
        {
            public Reading(string station, double celsius, double humidity)
            {
                if (humidity < 0 || humidity > 100)
                {
                    throw new ArgumentOutOfRangeException(nameof(humidity), humidity, "Relative humidity is a percentage."); // <- throws
                }
                Station = station;
                Celsius = celsius;
                Humidity = humidity;
            }

            public string Station { get; }

            public double Celsius { get; }

            public double Humidity { get; }
        }
        //- src/Climate/ReadingCsv.cs
        using System.Collections.Generic;
        using System.Globalization;

        namespace Climate;

        public static class ReadingCsv
        {
            public static Reading Parse(string line)
            {
                var cells = line.Split(';');
                return new Reading(cells[0], double.Parse(cells[2], CultureInfo.InvariantCulture), double.Parse(cells[1], CultureInfo.InvariantCulture)); // <- caller 1
            }

            public static string Format(Reading reading) =>
                reading.Station + ";" + string.Join(";", new[] { reading.Celsius, reading.Humidity });
        }
        """, OutOfRange, "Relative humidity is a percentage. (Parameter 'humidity')\nActual value was 412.",
        """
        //- src/Climate/ReadingCsv.cs
        using System.Collections.Generic;
        using System.Globalization;

        namespace Climate;

        public static class ReadingCsv
        {
            public static Reading Parse(string line)
            {
                var cells = line.Split(';');
                return new Reading(cells[0], double.Parse(cells[1], CultureInfo.InvariantCulture), double.Parse(cells[2], CultureInfo.InvariantCulture));
            }

            public static string Format(Reading reading) =>
                reading.Station + ";" + string.Join(";", new[] { reading.Celsius, reading.Humidity });
        }
        """);

    [Fact]
    public void Apply_RecordFromJsonArrayAgainstCollectionWriter_ReadsInTheWritersOrder() => RuleCheck.Fixes(Rule,
        """
        //- src/Print/PageSize.cs
        using System;

        namespace Print;

        public sealed record PageSize
        {
            public PageSize(int widthMm, int heightMm)
            {
                if (heightMm < widthMm)
                {
                    throw new ArgumentException("Portrait sizes only: the height is at least the width.", nameof(heightMm)); // <- throws
                }
                WidthMm = widthMm;
                HeightMm = heightMm;
            }

            public int WidthMm { get; }

            public int HeightMm { get; }
        }
        //- src/Print/PageSizeJson.cs
        using System.Text.Json;

        namespace Print;

        public sealed class PageSizeJson
        {
            public PageSize Read(JsonElement pair) => new PageSize(pair[1].GetInt32(), pair[0].GetInt32()); // <- caller 1

            public int[] Write(PageSize size) => [size.WidthMm, size.HeightMm];
        }
        """, "System.ArgumentException", "Portrait sizes only: the height is at least the width. (Parameter 'heightMm')",
        """
        //- src/Print/PageSizeJson.cs
        using System.Text.Json;

        namespace Print;

        public sealed class PageSizeJson
        {
            public PageSize Read(JsonElement pair) => new PageSize(pair[0].GetInt32(), pair[1].GetInt32());

            public int[] Write(PageSize size) => [size.WidthMm, size.HeightMm];
        }
        """);

    [Fact]
    public void Apply_NoWriterInTheReadersType_DoesNotReorder() => RuleCheck.Declines(Rule,
        """
        //- src/Geo/Position.cs
        using System;

        namespace Geo;

        public readonly struct Position
        {
            public Position(double lat, double lon)
            {
                if (lat is < -90 or > 90)
                {
                    throw new ArgumentOutOfRangeException(nameof(lat)); // <- throws
                }
                Lat = lat;
                Lon = lon;
            }

            public double Lat { get; }

            public double Lon { get; }
        }
        //- src/Geo/PositionReader.cs
        namespace Geo;

        public static class PositionReader
        {
            public static Position Read(double[] pair) => new Position(pair[0], pair[1]); // <- caller 1
        }
        """, OutOfRange, "Specified argument was out of the range of valid values. (Parameter 'lat')", "nothing shows what the caller should do");

    [Fact]
    public void Apply_WriterInTheReadersOrder_DoesNotReorder() => RuleCheck.Declines(Rule,
        """
        //- src/Geo/Position.cs
        using System;

        namespace Geo;

        public readonly struct Position
        {
            public Position(double lat, double lon)
            {
                if (lat is < -90 or > 90)
                {
                    throw new ArgumentOutOfRangeException(nameof(lat)); // <- throws
                }
                Lat = lat;
                Lon = lon;
            }

            public double Lat { get; }

            public double Lon { get; }
        }
        //- src/Geo/PositionCodec.cs
        namespace Geo;

        public static class PositionCodec
        {
            public static Position Read(double[] pair) => new Position(pair[0], pair[1]); // <- caller 1

            public static double[] Write(Position p) => new[] { p.Lat, p.Lon };
        }
        """, OutOfRange, "Specified argument was out of the range of valid values. (Parameter 'lat')", "nothing shows what the caller should do");
}
