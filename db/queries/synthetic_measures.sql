-- Measures of the synthetic cases of seed $seed with case ids in [$lo_id, $hi_id].
-- Draws hash the case code (not the id, which the sequence may hand out in any order).
INSERT INTO case_measures (case_id, measure_key, position, strength, status, done_month, due_month)
WITH drawn AS (
    SELECT c.case_id, c.case_code, c.case_month, c.status, m.measure_key, m.position, m.strength,
        m.due_months,
        (hash(c.case_code, $seed, m.measure_key) % 100)::INTEGER AS u
    FROM cases c
    JOIN syn_measures m ON m.version = c.model_version AND m.level = c.chosen_level
    WHERE c.case_id BETWEEN $lo_id AND $hi_id AND starts_with(c.submission_id, 'synthetic-' || $seed || '-')
), statused AS (
    SELECT *,
        CASE WHEN status = 'closed' THEN (CASE WHEN u < 80 OR strength = 'must' THEN 'done'
                                               ELSE 'not_relevant' END)
             WHEN u < 45 THEN 'planned' WHEN u < 90 THEN 'done' ELSE 'not_relevant' END AS m_status
    FROM drawn
)
SELECT case_id, measure_key, position, strength, m_status,
    CASE WHEN m_status = 'done' THEN (case_month + to_months(u % 3))::DATE END,
    CASE WHEN due_months IS NOT NULL THEN (case_month + to_months(due_months))::DATE END
FROM statused
