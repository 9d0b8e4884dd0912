# statistics: relations between two inputs, NormalDist, and exact types of means.
import statistics as st
from decimal import Decimal
from fractions import Fraction

print(st.correlation([1, 2, 3], [2, 4, 7]), st.covariance([1, 2, 3, 4], [2, 4, 5, 9]))
print(st.linear_regression([1, 2, 3], [2, 4, 6]))
print(st.linear_regression([1, 2, 3], [2, 4, 7], proportional=True))
for bad in (lambda: st.correlation([1, 1], [2, 3]), lambda: st.covariance([1], [2])):
    try:
        bad()
    except st.StatisticsError as e:
        print("StatisticsError:", e)
print(st.mean([Fraction(1, 2), Fraction(1, 3)]), repr(st.mean([Decimal("1.5"), Decimal("2.5")])))
print(st.variance([Fraction(1, 2), Fraction(1, 3), Fraction(1)]), st.mean([1, 2.5, Fraction(1, 2)]))
print(st.mean([1, 2, 4]), st.mean([1, 2]), st.median([1, 3, 5, 7]), st.mean([True, True, False]))
nd = st.NormalDist(mu=100, sigma=15)
print(nd, nd.cdf(130), nd.inv_cdf(0.95), nd.pdf(100), nd.zscore(130))
print(st.NormalDist.from_samples([1, 2, 3, 4]), nd.overlap(st.NormalDist(110, 10)))
print(nd + 5, nd * 2, nd.quantiles(), st.NormalDist().cdf(1.96))
