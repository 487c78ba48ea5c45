using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Fleet.Telematics
{
    public class TripReport
    {
        public const string PoolVehicle = "Pool vehicle";

        public TripSummary Summarise(Trip trip)
        {
            if (trip.Pings == null || trip.Pings.Count < 2)
            {
                return new TripSummary { VehicleReg = trip.VehicleReg, DriverName = DriverName(trip) };
            }

            var pings = trip.Pings.OrderBy(p => p.Time).ToList();
            double km = 0;
            for (int i = 1; i < pings.Count; i++)
            {
                km += Haversine.Km(pings[i - 1].Lat, pings[i - 1].Lon, pings[i].Lat, pings[i].Lon);
            }

            return new TripSummary
            {
                VehicleReg = trip.VehicleReg,
                DriverName = trip.Driver.Name,
                DistanceKm = Math.Round(km, 1),
                MaxSpeedKmh = pings.Max(p => p.SpeedKmh),
                Duration = pings[pings.Count - 1].Time - pings[0].Time,
            };
        }

        public string DriverName(Trip trip)
        {
            return trip.Driver == null ? PoolVehicle : trip.Driver.Name;
        }

        public string ToCsv(IEnumerable<TripSummary> summaries)
        {
            var csv = new StringBuilder("vehicle,driver,km,max_kmh,minutes\n");
            foreach (var s in summaries)
            {
                csv.Append(s.VehicleReg).Append(',')
                   .Append(s.DriverName).Append(',')
                   .Append(s.DistanceKm.ToString(CultureInfo.InvariantCulture)).Append(',')
                   .Append(s.MaxSpeedKmh.ToString(CultureInfo.InvariantCulture)).Append(',')
                   .Append((int)s.Duration.TotalMinutes).Append('\n');
            }
            return csv.ToString();
        }
    }

    static class Haversine
    {
        const double EarthRadiusKm = 6371.0;

        public static double Km(double lat1, double lon1, double lat2, double lon2)
        {
            double dLat = Rad(lat2 - lat1), dLon = Rad(lon2 - lon1);
            double a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) +
                       Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
            return EarthRadiusKm * 2 * Math.Atan2(Math.Sqrt(a), Math.Sqrt(1 - a));
        }

        static double Rad(double degrees) => degrees * Math.PI / 180;
    }
}
