using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

public sealed class ObjectDisposedRuleTests
{
    private const string Type = "System.ObjectDisposedException";

    private static readonly ObjectDisposedRule Rule = new();

    private static void Fixes(string before, string after) =>
        RuleCheck.Fixes(Rule, before, Type, "Cannot access a disposed object.\nObject name: 'Connection'.", after);

    private static void Declines(string before, string reason) =>
        RuleCheck.Declines(Rule, before, Type, "Cannot access a disposed object.\nObject name: 'Connection'.", reason);

    private const string Connection = """
        //- src/Data/Connection.cs
        using System;
        using System.Collections.Generic;

        namespace Data;

        public sealed class Connection : IDisposable
        {
            private bool _disposed;

            public IEnumerable<Row> Query(string table)
            {
                ObjectDisposedException.ThrowIf(_disposed, this); // <- throws
                yield return new Row(table, true);
            }

            public void Dispose() => _disposed = true;
        }

        public sealed record Row(string Name, bool Active);
        """;

    [Fact]
    public void Apply_DeferredQueryReturnedFromUsingScope_MaterialisesBeforeDisposal() => Fixes(
        """
        //- src/Reports/CustomerReport.cs
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using Data;

        namespace Reports;

        public sealed class CustomerReport
        {
            public void Print()
            {
                foreach (var name in ActiveNames()) // <- caller 1
                {
                    Console.WriteLine(name);
                }
            }

            private static IEnumerable<string> ActiveNames()
            {
                using var connection = new Connection();
                return connection.Query("customers").Where(r => r.Active).Select(r => r.Name);
            }
        }
        """ + "\n" + Connection,
        """
        //- src/Reports/CustomerReport.cs
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using Data;

        namespace Reports;

        public sealed class CustomerReport
        {
            public void Print()
            {
                foreach (var name in ActiveNames())
                {
                    Console.WriteLine(name);
                }
            }

            private static IEnumerable<string> ActiveNames()
            {
                using var connection = new Connection();
                return connection.Query("customers").Where(r => r.Active).Select(r => r.Name).ToList();
            }
        }
        """);

    [Fact]
    public void Apply_IteratorReturnedFromUsingStatement_MaterialisesAndAddsLinq() => Fixes(
        """
        //- src/Reports/Export.cs
        using System.Collections.Generic;
        using Data;

        namespace Reports;

        public sealed class Export
        {
            public int Count()
            {
                var count = 0;
                foreach (var row in Rows("orders")) // <- caller 1
                {
                    count++;
                }

                return count;
            }

            private static IEnumerable<Row> Rows(string table)
            {
                using (var connection = new Connection())
                {
                    return connection.Query(table);
                }
            }
        }
        """ + "\n" + Connection,
        """
        //- src/Reports/Export.cs
        using System.Collections.Generic;
        using System.Linq;
        using Data;

        namespace Reports;

        public sealed class Export
        {
            public int Count()
            {
                var count = 0;
                foreach (var row in Rows("orders"))
                {
                    count++;
                }

                return count;
            }

            private static IEnumerable<Row> Rows(string table)
            {
                using (var connection = new Connection())
                {
                    return connection.Query(table).ToList();
                }
            }
        }
        """);

    [Fact]
    public void Apply_TaskReturnedWithoutAwaitFromUsingScope_AwaitsInsideTheScope() => RuleCheck.Fixes(Rule,
        """
        //- src/Files/NoteStore.cs
        using System.IO;
        using System.Threading.Tasks;

        namespace Files;

        public sealed class NoteStore
        {
            public async Task<int> LengthAsync(string path)
            {
                var text = await ReadAsync(path); // <- throws
                return text.Length;
            }

            private Task<string> ReadAsync(string path)
            {
                using var reader = new StreamReader(path);
                return reader.ReadToEndAsync();
            }
        }
        """,
        Type, "Cannot access a disposed object.\nObject name: 'StreamReader'.",
        """
        //- src/Files/NoteStore.cs
        using System.IO;
        using System.Threading.Tasks;

        namespace Files;

        public sealed class NoteStore
        {
            public async Task<int> LengthAsync(string path)
            {
                var text = await ReadAsync(path);
                return text.Length;
            }

            private async Task<string> ReadAsync(string path)
            {
                using var reader = new StreamReader(path);
                return await reader.ReadToEndAsync();
            }
        }
        """);

    [Fact]
    public void Apply_FileUsesEndOfLineBracesAndExplicitTypes_KeepsTheFilesStyle() => Fixes(
        """
        //- src/Legacy/Lookup.cs
        using System.Collections.Generic;
        using System.Linq;
        using Data;

        namespace Legacy {
          public class Lookup {
            public bool HasAny() {
              foreach (string name in Names()) return true; // <- caller 1
              return false;
            }

            IEnumerable<string> Names() {
              using (Connection connection = new Connection()) {
                return from row in connection.Query("users") select row.Name;
              }
            }
          }
        }
        """ + "\n" + Connection,
        """
        //- src/Legacy/Lookup.cs
        using System.Collections.Generic;
        using System.Linq;
        using Data;

        namespace Legacy {
          public class Lookup {
            public bool HasAny() {
              foreach (string name in Names()) return true;
              return false;
            }

            IEnumerable<string> Names() {
              using (Connection connection = new Connection()) {
                return (from row in connection.Query("users") select row.Name).ToList();
              }
            }
          }
        }
        """);

    [Fact]
    public void Apply_MethodReturnsTheDisposedResourceItself_Declines() => Declines(
        """
        //- src/Data/Factory.cs
        using Data;

        namespace App;

        public static class Factory
        {
            public static int Count()
            {
                var connection = Open();
                return System.Linq.Enumerable.Count(connection.Query("items")); // <- caller 1
            }

            private static Connection Open()
            {
                using var connection = new Connection();
                return connection;
            }
        }
        """ + "\n" + Connection,
        "returns the");

    [Fact]
    public void Apply_ResourceBorrowedFromAField_Declines() => Declines(
        """
        //- src/Data/Repository.cs
        using System.Collections.Generic;
        using System.Linq;
        using Data;

        namespace App;

        public sealed class Repository
        {
            private readonly Connection _connection = new();

            public int Active() => Rows().Count(); // <- caller 1

            private IEnumerable<Row> Rows()
            {
                using var connection = _connection;
                return connection.Query("rows").Where(r => r.Active);
            }
        }
        """ + "\n" + Connection,
        "did not create");

    [Fact]
    public void Apply_DisposedElsewhereWithoutUsing_Declines() => Declines(
        """
        //- src/Data/Session.cs
        using System.Linq;
        using Data;

        namespace App;

        public sealed class Session
        {
            private readonly Connection _connection = new();

            public void Close() => _connection.Dispose();

            public int Rows() => _connection.Query("rows").Count(); // <- caller 1
        }
        """ + "\n" + Connection,
        "no method");
}
