using System.Security.Cryptography;
using DataPlatform.Datakits.Pagila.Bronze.Extraction;

namespace DataPlatform.Datakits.Pagila.Tests.Bronze;

/// <summary>The extractor's multi-lane SHA-256 equals SHA-256 for every message length around the block boundaries and mixed lanes.</summary>
public sealed class Sha256LanesTests
{
    [Fact]
    public void Every_lane_gets_the_sha256_of_its_own_message()
    {
        Assert.True(Sha256Lanes.IsSupported, "256-bit vectors run in hardware on the reference machine");
        var random = new Random(20261126);
        var source = new byte[1 << 16];
        random.NextBytes(source);
        var lanes = new Sha256Lanes();
        int[] boundaries = [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 200, 1000, 5000];

        for (var round = 0; round < 2_000; round++)
        {
            var count = round < 200 ? 1 + (round % Sha256Lanes.Width) : random.Next(1, Sha256Lanes.Width + 1);
            var offsets = new int[count];
            var lengths = new int[count];
            var targets = new int[count];
            for (var i = 0; i < count; i++)
            {
                lengths[i] = random.Next(3) == 0 ? boundaries[random.Next(boundaries.Length)] : random.Next(0, 300);
                offsets[i] = random.Next(0, source.Length - lengths[i]);
                targets[i] = (count - 1 - i) * Sha256Lanes.HashSize;
            }

            var hashes = new byte[count * Sha256Lanes.HashSize];
            lanes.Hash(source, offsets, lengths, count, hashes, targets);

            for (var i = 0; i < count; i++)
            {
                var expected = SHA256.HashData(source.AsSpan(offsets[i], lengths[i]));
                Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(hashes.AsSpan(targets[i], Sha256Lanes.HashSize)));
            }
        }
    }

    [Fact]
    public void Known_answers_of_fips_180_4()
    {
        var lanes = new Sha256Lanes();
        var abc = "abc"u8.ToArray();
        var hash = new byte[Sha256Lanes.HashSize];
        lanes.Hash(abc, [0], [3], 1, hash, [0]);
        Assert.Equal("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD", Convert.ToHexString(hash));
        lanes.Hash([], [0], [0], 1, hash, [0]);
        Assert.Equal("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855", Convert.ToHexString(hash));
    }
}
