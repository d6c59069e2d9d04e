// Maps uncertainty (distributions, seed, paths, rank correlations) to and from JSON.
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/scenario/json_reader.h"
#include "core/scenario/limits.h"
#include "core/scenario/scenario_error.h"
#include "core/text/number_text.h"
#include "core/uncertainty/correlation.h"
#include "core/uncertainty/distribution.h"
#include "core/uncertainty/uncertainty_error.h"

namespace jevons::core::scenario_json_detail {
namespace {

constexpr long long kMinPaths = 100;       ///< Monte Carlo paths: fewer make P10/P90 meaningless
constexpr long long kMaxPaths = 10000000;  ///< more would need gigabytes

}  // namespace

// ---------------------------------------------------------------------------------------------
// Reading

DistributionSpec Reader::distribution(const Assumption& a, const Json& j,
                                      const std::string& path) const {
    object(j, path);
    const std::string typePath = childPath(path, "type");
    const std::string typeName = string(required(j, path, "type"), typePath);
    const auto type = distributionTypeFromName(typeName);
    const Names types{"uniform", "triangular", "pert", "normal", "lognormal"};
    if (!type)
        throw ScenarioError(typePath, "unknown distribution " + inQuotes(typeName) +
                                          didYouMean(typeName, types) + "; the types are " +
                                          joined(types));
    DistributionSpec d;
    d.type = *type;
    const auto field = [&](std::string_view name) {
        return number(required(j, path, name), childPath(path, name));
    };
    const std::string what = "a " + typeName + " distribution";
    switch (d.type) {
        case DistributionType::Uniform:
            checkFields(j, path, {"type", "min", "max", "pinned"}, what);
            d.min = field("min");
            d.max = field("max");
            if (!(d.min < d.max))
                throw ScenarioError(
                    childPath(path, "min"),
                    "min " + num(d.min, 15) + " must be below max " + num(d.max, 15));
            break;
        case DistributionType::Triangular:
        case DistributionType::Pert:
            checkFields(j, path, {"type", "min", "mode", "max", "pinned"}, what);
            d.min = field("min");
            d.mode = field("mode");
            d.max = field("max");
            if (!(d.min < d.max))
                throw ScenarioError(
                    childPath(path, "min"),
                    "min " + num(d.min, 15) + " must be below max " + num(d.max, 15));
            if (d.mode < d.min || d.mode > d.max)
                throw ScenarioError(childPath(path, "mode"),
                                    "the mode " + num(d.mode, 15) + " must lie between min " +
                                        num(d.min, 15) + " and max " + num(d.max, 15));
            break;
        case DistributionType::Normal:
            checkFields(j, path, {"type", "mean", "sd", "pinned"}, what);
            d.mean = field("mean");
            d.sd = field("sd");
            if (!(d.sd > 0.0))
                throw ScenarioError(childPath(path, "sd"),
                                    "the standard deviation " + num(d.sd, 15) + " must be above 0");
            break;
        case DistributionType::Lognormal:
            checkFields(j, path, {"type", "p5", "p95", "pinned"}, what);
            d.p5 = field("p5");
            d.p95 = field("p95");
            if (!(d.p5 > 0.0))
                throw ScenarioError(childPath(path, "p5"),
                                    "p5 " + num(d.p5, 15) +
                                        " must be above 0: a lognormal takes only positive values");
            if (!(d.p5 < d.p95))
                throw ScenarioError(childPath(path, "p95"),
                                    "p95 " + num(d.p95, 15) + " must be above p5 " + num(d.p5, 15));
            break;
    }
    if (const Json* pinned = optional(j, "pinned"))
        d.pinned = boolean(*pinned, childPath(path, "pinned"));
    // The remaining checks (the unit's domain, truncation) are the sampler's own.
    Assumption probe = a;
    probe.distribution = d;
    try {
        (void)Distribution::of(probe);
    } catch (const UncertaintyError& e) {
        throw ScenarioError(path, e.what());
    }
    return d;
}

void Reader::readUncertainty(const Json& j, const std::string& path) {
    object(j, path);
    checkFields(j, path, {"seed", "paths", "correlations"}, "the uncertainty settings");
    UncertaintySettings u;
    if (const Json* seed = optional(j, "seed")) {
        if (!seed->is_number_unsigned())
            throw ScenarioError(
                childPath(path, "seed"),
                "expected a whole number from 0 to 18446744073709551615, found " + typeName(*seed));
        u.seed = seed->get<std::uint64_t>();
    }
    if (const Json* paths = optional(j, "paths")) {
        const std::string p = childPath(path, "paths");
        const long long n = wholeNumber(*paths, p, "a whole number of paths");
        if (n < kMinPaths || n > kMaxPaths)
            throw ScenarioError(p, "the number of paths must be between " +
                                       std::to_string(kMinPaths) + " and " +
                                       std::to_string(kMaxPaths) + ", found " + std::to_string(n));
        u.paths = static_cast<int>(n);
    }
    if (const Json* pairs = optional(j, "correlations")) {
        const std::string p = childPath(path, "correlations");
        array(*pairs, p);
        checkLimit(pairs->size(), kMaxCorrelations, p, "correlations");
        std::map<std::pair<std::string, std::string>, std::size_t> seen;  // (lesser, greater)
        for (std::size_t i = 0; i < pairs->size(); ++i) {
            const std::string ip = indexPath(p, i);
            const Json& c = object((*pairs)[i], ip);
            checkFields(c, ip, {"a", "b", "rank"}, "a rank correlation");
            RankCorrelation r;
            r.a = string(required(c, ip, "a"), childPath(ip, "a"));
            r.b = string(required(c, ip, "b"), childPath(ip, "b"));
            r.rank = number(required(c, ip, "rank"), childPath(ip, "rank"));
            for (const auto& [id, key] : {std::pair{r.a, "a"}, std::pair{r.b, "b"}}) {
                checkAssumptionRef(id, childPath(ip, key));
                if (!findAssumption(id)->distribution)
                    throw ScenarioError(
                        childPath(ip, key),
                        inQuotes(id) + " has no distribution, so it cannot be correlated");
            }
            if (r.a == r.b)
                throw ScenarioError(childPath(ip, "b"),
                                    inQuotes(r.a) + " cannot be correlated with itself");
            if (!(std::fabs(r.rank) < 1.0))
                throw ScenarioError(childPath(ip, "rank"),
                                    "the rank correlation " + num(r.rank, 15) +
                                        " must lie strictly between -1 and 1");
            auto key = r.a < r.b ? std::pair{r.a, r.b} : std::pair{r.b, r.a};
            if (const auto [at, fresh] = seen.emplace(std::move(key), i); !fresh)
                throw ScenarioError(ip, "the correlation of " + inQuotes(r.a) + " and " +
                                            inQuotes(r.b) + " is already given at " +
                                            indexPath(p, at->second));
            u.correlations.push_back(std::move(r));
        }
        // The pairs must hold together (a positive-definite matrix). Only the assumptions they
        // name (in file order, as SamplingPlan's copula): the others are uncorrelated, and a
        // matrix over every ranged assumption would cost the cube of their number.
        std::set<std::string_view> named;
        for (const auto& c : u.correlations) named.insert({c.a, c.b});
        std::vector<std::string> ids;
        for (const auto& a : m_s.assumptions)
            if (named.count(a.id)) ids.push_back(a.id);
        try {
            (void)Copula::make(ids, u.correlations);
        } catch (const UncertaintyError& e) {
            throw ScenarioError(p, e.what());
        }
    }
    m_s.uncertainty = std::move(u);
}

// ---------------------------------------------------------------------------------------------
// Writing

Json distributionJson(const DistributionSpec& d) {
    Json j = Json::object();
    j["type"] = std::string(distributionTypeName(d.type));
    switch (d.type) {
        case DistributionType::Uniform:
            j["min"] = d.min;
            j["max"] = d.max;
            break;
        case DistributionType::Triangular:
        case DistributionType::Pert:
            j["min"] = d.min;
            j["mode"] = d.mode;
            j["max"] = d.max;
            break;
        case DistributionType::Normal:
            j["mean"] = d.mean;
            j["sd"] = d.sd;
            break;
        case DistributionType::Lognormal:
            j["p5"] = d.p5;
            j["p95"] = d.p95;
            break;
    }
    if (d.pinned) j["pinned"] = true;  // written only when set: unpinned files stay as they were
    return j;
}

Json uncertaintyJson(const UncertaintySettings& u) {
    Json j = Json::object();
    j["seed"] = u.seed;
    j["paths"] = u.paths;
    if (!u.correlations.empty()) {
        Json pairs = Json::array();
        for (const auto& c : u.correlations)
            pairs.push_back(Json{{"a", c.a}, {"b", c.b}, {"rank", c.rank}});
        j["correlations"] = std::move(pairs);
    }
    return j;
}

}  // namespace jevons::core::scenario_json_detail
