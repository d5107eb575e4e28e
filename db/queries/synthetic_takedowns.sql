-- Takedowns of the synthetic cases of seed $seed with case ids in [$lo_id, $hi_id].
-- Draws hash the case code (not the id, which the sequence may hand out in any order).
INSERT INTO case_takedowns (case_id, platform, outcome)
WITH mentioned AS (
    SELECT case_id, case_code, chosen_level, unnest(platforms) AS platform
    FROM cases
    WHERE case_id BETWEEN $lo_id AND $hi_id AND starts_with(submission_id, 'synthetic-' || $seed || '-')
      AND hash(case_code, $seed, 'takedown') % 1000 < 1000 * $takedown_share[chosen_level]
)
SELECT case_id, platform, $outcomes[chosen_level][1 + (hash(case_code, $seed, platform) % 1000)::INTEGER]
FROM mentioned
