-- Synthetic cases [$lo, $hi) for seed $seed: every draw is hash(i, seed, salt), so the same seed and N
-- give the same cases. Lookup lists (see db/synthetic_profile.py) turn a hash into a weighted category.
-- Registration: the event falls on a day of its month and is registered some days later (exponential,
-- mean $delay_mean days), a few cases weeks or months later ($late_share): some arrive after their
-- month is released, as in real life (see model/release.py). Record keys are drawn from the seed, so a
-- data set is reproducible; real cases get theirs from the CSPRNG (db/record_keys.py).
INSERT INTO cases (case_code, district_code, case_year, case_number, case_month, age_band, gender,
                   institution_type, platforms, facts, model_version, proposed_level, chosen_level,
                   override_reason, police_consulted, police_report_filed, status, closed_month,
                   submission_id, created_by, record_key, created_at, updated_at)
WITH drawn AS (
    SELECT i,
        $districts[1 + (hash(i, $seed, 'district') % 1000)::INTEGER] AS district_code,
        $months[1 + (hash(i, $seed, 'month') % 1000)::INTEGER] AS off,
        $age_bands[1 + (hash(i, $seed, 'age') % 1000)::INTEGER] AS age_band,
        nullif($genders[1 + (hash(i, $seed, 'gender') % 1000)::INTEGER], '') AS gender,
        $institutions[1 + (hash(i, $seed, 'institution') % 1000)::INTEGER] AS institution_type,
        $platforms[1 + (hash(i, $seed, 'platform1') % 1000)::INTEGER] AS p1,
        CASE WHEN hash(i, $seed, 'second') % 100 < 30
             THEN $platforms[1 + (hash(i, $seed, 'platform2') % 1000)::INTEGER] END AS p2,
        (hash(i, $seed, 'override') % 1000) / 1000.0 AS u_override,
        (hash(i, $seed, 'police') % 1000) / 1000.0 AS u_police,
        (hash(i, $seed, 'report') % 1000) / 1000.0 AS u_report,
        (hash(i, $seed, 'closed') % 1000) / 1000.0 AS u_closed,
        (hash(i, $seed, 'flags') % 1000000)::INTEGER AS h_flags,
        (hash(i, $seed, 'event_day') % 28)::INTEGER AS event_day,
        floor(-ln((hash(i, $seed, 'delay') % 1000000 + 1) / 1000001.0) * $delay_mean)::INTEGER
            + CASE WHEN hash(i, $seed, 'late') % 1000 < 1000 * $late_share
                   THEN 30 + (hash(i, $seed, 'late_days') % 120)::INTEGER ELSE 0 END AS delay_days,
        (hash(i, $seed, 'minute') % 600)::INTEGER AS minute,
        (hash(i, $seed, 'record_key') % 4294967296)::UINTEGER AS record_key
    FROM range($lo, $hi) t(i)
), versioned AS (
    SELECT *, len(list_filter($version_starts, lambda s: s <= off)) AS vi FROM drawn
), leveled AS (
    SELECT *, $version_names[vi] AS model_version, $level_counts[vi] AS k,
        $level_draws[vi][1 + (hash(i, $seed, 'level') % 1000)::INTEGER] AS proposed_level
    FROM versioned
), chosen AS (
    SELECT *,
        CASE WHEN u_override < 0.86 THEN proposed_level
             WHEN u_override < 0.95 THEN least(proposed_level + 1, k)
             ELSE greatest(proposed_level - 1, 1) END AS chosen_level,
        ($first_month + to_months(off))::DATE AS case_month
    FROM leveled
), full_case AS (
    SELECT *,
        CASE WHEN chosen_level > proposed_level THEN $raised[1 + (hash(i, $seed, 'reason') % 1000)::INTEGER]
             WHEN chosen_level < proposed_level THEN $lowered[1 + (hash(i, $seed, 'reason') % 1000)::INTEGER]
        END AS override_reason,
        u_police < $consulted[chosen_level] AS police_consulted,
        u_police < $consulted[chosen_level] AND u_report < $reported[chosen_level] AS police_report_filed,
        u_closed < ($last_off - off) / ($last_off - off + 1.0 + chosen_level) AS closed,
        year(case_month) AS case_year,
        CASE WHEN p2 IS NULL OR p2 = p1 THEN [p1] ELSE [p1, p2] END AS platforms
    FROM chosen
), numbered AS (
    SELECT f.*, coalesce(m.top, 0)
        + row_number() OVER (PARTITION BY f.district_code, f.case_year ORDER BY f.i) AS case_number
    FROM full_case f
    LEFT JOIN (SELECT district_code, case_year, max(case_number) AS top FROM cases GROUP BY ALL) m
        USING (district_code, case_year)
)
SELECT
    printf('%s-%d-%04d', district_code, case_year, case_number),
    district_code, case_year, case_number, case_month, age_band, gender, institution_type, platforms,
    to_json({
        'age_band': age_band,
        'nudity': ['underwear', 'partly_nude', 'nude', 'nude'][least(chosen_level, 4)],
        'spread': ['few', 'few', 'many', 'public'][least(chosen_level, 4)],
        'face_recognisable': chosen_level >= 3 OR (chosen_level = 2 AND h_flags % 2 = 0),
        'identity_exposed': chosen_level >= 4,
        'erotic_motif': chosen_level >= 4 AND h_flags % 3 = 0,
        'revenge_motive': chosen_level >= 4 AND h_flags % 5 < 3,
        'threats': chosen_level >= 4 AND h_flags % 7 < 2,
        'reaction': chosen_level,
        'signals': []::VARCHAR[],
        'platforms': platforms
    })::VARCHAR,
    model_version, proposed_level, chosen_level, override_reason, police_consulted,
    police_report_filed,
    CASE WHEN closed THEN 'closed' ELSE 'open' END,
    CASE WHEN closed THEN least(case_month + to_months(1 + h_flags % (2 * chosen_level)),
                                $first_month + to_months($last_off))::DATE END,
    'synthetic-' || $seed || '-' || i,
    0,
    record_key,
    case_month + to_days(event_day + delay_days) + INTERVAL 8 HOUR + to_minutes(minute),
    case_month + to_days(event_day + delay_days) + INTERVAL 8 HOUR + to_minutes(minute)
FROM numbered
