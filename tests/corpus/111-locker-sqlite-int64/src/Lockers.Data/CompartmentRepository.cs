using System;
using System.Collections.Generic;
using System.Data;

namespace Lockers.Data
{
    public class Compartment
    {
        public int LockerId { get; set; }
        public int Slot { get; set; }
        public string Size { get; set; }
        public decimal MaxWeightKg { get; set; }
        public bool Occupied { get; set; }
        public DateTime? OccupiedSince { get; set; }
        public string ParcelBarcode { get; set; }
    }

    public class CompartmentRepository
    {
        public const string SelectAll =
            "SELECT locker_id, slot, size, max_weight_kg, occupied, occupied_since, parcel_barcode FROM compartment ORDER BY locker_id, slot";

        public List<Compartment> Read(IDataReader reader)
        {
            var result = new List<Compartment>();
            while (reader.Read())
            {
                result.Add(new Compartment
                {
                    LockerId = reader.ReadInt32("locker_id"),
                    Slot = reader.ReadInt32("slot"),
                    Size = reader.ReadString("size"),
                    MaxWeightKg = reader.ReadDecimal("max_weight_kg"),
                    Occupied = reader.ReadBoolean("occupied"),
                    OccupiedSince = reader.ReadDateTime("occupied_since"),
                    ParcelBarcode = reader.ReadString("parcel_barcode"),
                });
            }
            return result;
        }

        public List<Compartment> FreeFor(IEnumerable<Compartment> compartments, decimal parcelWeightKg, string size)
        {
            var free = new List<Compartment>();
            foreach (var c in compartments)
            {
                if (!c.Occupied && c.Size == size && c.MaxWeightKg >= parcelWeightKg) free.Add(c);
            }
            return free;
        }
    }
}
