package dataset

// Region is a place the reports speak of. The set is fixed by the design:
// figures are compared by region, so a new region is a change to the site,
// not to the data.
type Region struct {
	ID     string
	NameZh string
	NameEn string
	// LevelZh/LevelEn say what kind of administrative unit it is: Chongqing
	// is a municipality, Sichuan a province, which matters when comparing.
	LevelZh, LevelEn string
}

// Name returns the region's name in lang.
func (r Region) Name(lang string) string { return pick(lang, r.NameZh, r.NameEn) }

// Level returns the administrative level in lang.
func (r Region) Level(lang string) string { return pick(lang, r.LevelZh, r.LevelEn) }

// Regions lists the regions in display order.
var Regions = []Region{
	{ID: "chongqing", NameZh: "重庆", NameEn: "Chongqing", LevelZh: "直辖市", LevelEn: "municipality"},
	{ID: "sichuan", NameZh: "四川", NameEn: "Sichuan", LevelZh: "省", LevelEn: "province"},
	{ID: "chengdu-chongqing", NameZh: "成渝地区双城经济圈", NameEn: "Chengdu–Chongqing economic circle", LevelZh: "跨省区域", LevelEn: "cross-provincial region"},
	// National figures are quoted in the reports as context (全国45家国家先进
	// 制造业集群): they are China's, never a region's.
	{ID: "china", NameZh: "全国", NameEn: "China (national)", LevelZh: "全国", LevelEn: "country"},
}

// RegionByID looks a region up.
func RegionByID(id string) (Region, bool) {
	for _, r := range Regions {
		if r.ID == id {
			return r, true
		}
	}
	return Region{}, false
}

// RegionIDs lists the region ids.
func RegionIDs() []string {
	var ids []string
	for _, r := range Regions {
		ids = append(ids, r.ID)
	}
	return ids
}
